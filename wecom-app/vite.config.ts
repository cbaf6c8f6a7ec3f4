import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Served by WeLink under /wecom-app/ (hash routes, so the server needs no SPA fallback for deep links).
export default defineConfig({
  base: '/wecom-app/',
  plugins: [vue()],
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
    // The machine is shared: importing TDesign under jsdom can take seconds when it is busy.
    testTimeout: 20000,
    // The JSON report lets scripts/test.sh count the tests (vitest is not a runner CI reads by itself).
    reporters: ['default', 'json'],
    outputFile: { json: 'vitest.json' },
  },
})
