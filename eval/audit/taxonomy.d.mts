// Types of taxonomy.mjs, for the tests that import it.
export declare const LABEL_OF_KIND: Readonly<Record<string, 'unsupported' | 'misattributed' | 'contradicted'>>;
export declare const SUPPORTED_KINDS: readonly string[];
export declare const LABELS: readonly string[];
export declare const FAULTY_KINDS: readonly string[];
export declare function summaryItemErrors(item: Record<string, unknown>, at: string): string[];
