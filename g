gb\xB0\x91J\x9E\x0E\x90\x93te       无效  class code "gb\xB0\x91J\x9E\x0E\x90\x93te" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
gclass                              无效  class code "gclass" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
validate                            无效  class code "validate" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
\xE2\x02                            无效  class code "\xE2\x02" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
g\xEF︿                             无效  class code "g\xEF︿" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
""                                  无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
\x020tnclass                        无效  class code "\x020tnclass" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
validana.\"ateit\x11\x11            无效  class code "validana.\"ateit\x11\x11" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
g                                   无效  class code "g" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
g\xEF︿                             无效  class code "g\xEF︿" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
""                                  无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
\x02a\x062l︿\xB0g\xBB\"\xC6\xFF1g  无效  class code "\x02a\x062l︿\xB0g\xBB\"\xC6\xFF1g" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
