{gb\xCBclasses\"  无效  class code "{gb\xCBclasses\"" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
