module libitss/itss

go 1.19
