// @actions/github picks its fetch dispatcher from proxy variables when it is first
// imported; tests talk to a GitHub server on 127.0.0.1, which no proxy must carry.
// A setup file runs before each test file's imports.
for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy']) delete process.env[name];
