gnnnnnnnn\"itss-catal...                                         无效  class code "gnnnnnnnn\"itss-catalog/1\"classes\"" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
""                                                               无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                               无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                               无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                               无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                               无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                               无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                               无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                               无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                               无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                               无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
\xCB\xCB\xCB\xCB\xCB\xCB\xFF\x01\xCB\xCB\xCB\xCB\xCB\xCB\xCB...  无效  class code "\xCB\xCB\xCB\xCB\xCB\xCB\xFF\x01\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCBclasses\"" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
