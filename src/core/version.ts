/** async-bench's version; a test keeps it equal to package.json's (bundling package.json would put it all in dist/). */
export const VERSION = '0.1.0';
