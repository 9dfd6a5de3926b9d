/** See packageType.mjs. */
export declare function packageType(folder: string, types?: Map<string, string | undefined>): string | undefined;
