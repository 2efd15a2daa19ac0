gb\xCBclasses\"                                               无效  class code "gb\xCBclasses\"" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
""                                                            无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
`                                                             无效  class code "` " has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
\x050\x19\x01\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xFF\x01...  无效  class code "\x050\x19\x01\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xCB\xFF\x01\xCB\xCB\xCB\xCB\xCB\xCB" has a character other than 0-9 at byte 0: a GB/T 29264 code has 2, 4 or 6 ASCII digits
""                                                            无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                            无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                            无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                            无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                            无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                            无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                            无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
""                                                            无效  empty class code: a GB/T 29264 code has 2, 4 or 6 digits
