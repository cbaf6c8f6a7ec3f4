/** Component tests render the real pages with the real TDesign components (miniprogram-simulate + j-component). */
module.exports = {
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/test/setup.js'],
  testMatch: ['<rootDir>/test/**/*.test.[jt]s'],
  transform: {
    // TDesign's miniprogram_dist is ES modules; the developer tools convert it when they compile, Jest needs this.
    '/miniprogram_npm/.+\\.js$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  // miniprogram_npm first: TDesign must get its bundled tslib, not the older one hoisted into node_modules.
  moduleDirectories: ['miniprogram_npm', 'node_modules'],
  snapshotSerializers: ['<rootDir>/test/support/wxml-serializer.js'],
  testTimeout: 30000,
};
