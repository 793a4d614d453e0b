/** Types of generate.mjs for the TypeScript tests. */
export declare const SPEC: string
export declare const OUTPUT: string
export declare function generateSchema (spec?: string): Promise<string>
