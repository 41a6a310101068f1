/** A language file's shape: the English file's keys, every text a string (the type checker holds the languages equal). */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
