// The component tests' one setup: a fake WeLink for the test file, emptied before each test, and a fresh `wx`
// stand-in talking to it (signed out, as a consumer opening the mini-program for the first time).
const { installWx } = require('./wx');
const { startFakeWeLink } = require('./fake-welink');

/**
 * Registers the file's hooks and returns `{ welink, wx }`, filled in before each test. `options` are installWx's
 * (its apiBase is the fake's), or a function that gives them afresh for each test.
 */
function useFakeWeLink(options = {}) {
  const fake = { welink: null, wx: null };
  beforeAll(async () => {
    fake.welink = await startFakeWeLink();
  });
  afterAll(() => fake.welink.close());
  beforeEach(() => {
    fake.welink.reset();
    fake.wx = installWx({ ...(typeof options === 'function' ? options() : options), apiBase: fake.welink.base });
  });
  return fake;
}

module.exports = { useFakeWeLink };
