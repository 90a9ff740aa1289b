import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{src,conformance,mocks,scripts}/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The type tests (src/**/*.test-d.ts) are checked by `npm run typecheck`, which `npm test` runs
    // first: tsconfig.json includes them, and a failed expectTypeOf is a compile error. Vitest's own
    // typecheck mode would run tsc a second time and print an "experimental feature" warning.
    typecheck: { enabled: false },
    env: {
      // The AWS SDK warns once per process that Node 20 support ends; the tests pin what they use.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  },
});
