export declare const CHROMIUM_CANDIDATES: readonly string[];
export declare const CHROMIUM_NAMES: readonly string[];
export declare const CHROMIUM_MISSING: string;
export declare function findChromium(env?: NodeJS.ProcessEnv): string | null;
export declare function chromiumMissing(env?: NodeJS.ProcessEnv): string;
export declare const CHROMIUM_FLAGS: readonly string[];
