// Renders a page or component of src/ with the real TDesign components (miniprogram-simulate + j-component,
// compiled by the official wcc) and gives the tests what the consumer would read.
const path = require('node:path');
const simulate = require('miniprogram-simulate');

const ROOT = path.resolve(__dirname, '../../src');

// simulate runs a component's js (which calls Component()) each time a page using it is loaded, relying on Node
// forgetting the module in between; Jest keeps it, so only the first page using a shared component (t-cell,
// status-tag) got a working copy and every later page's copy rendered empty. A js Jest does not run again registers
// the options it gave Component() the first time, as WeChat registers the component for each page.
const simulateUtils = require('miniprogram-simulate/src/utils');
const runJs = simulateUtils.runJs;
const componentOptions = new Map();
// j-component rewrites `relations` in place (paths to ids of that load): each registration gets its own copy.
const copyOf = (options) => ({
  ...options,
  relations: options.relations && Object.fromEntries(Object.entries(options.relations).map(([key, value]) => [key, { ...value }])),
});
simulateUtils.runJs = (file) => {
  const register = global.Component;
  let registered = false;
  global.Component = (options) => {
    registered = true;
    componentOptions.set(file, copyOf(options));
    register(options);
  };
  try {
    runJs(file);
  } finally {
    global.Component = register;
  }
  if (!registered && componentOptions.has(file)) register(copyOf(componentOptions.get(file)));
};

// Compiling a page with its components takes a while: each page is loaded once per test file.
const loaded = new Map();
function idOf(file) {
  if (!loaded.has(file)) loaded.set(file, simulate.load(path.join(ROOT, file), { rootPath: ROOT }));
  return loaded.get(file);
}

/** Loads e.g. 'pages/complaints/list', attaches it, and calls onLoad(query) as WeChat would for a page. */
async function renderPage(page, query = {}, { flush } = {}) {
  const comp = simulate.render(idOf(page));
  comp.attach(document.createElement('parent-wrapper'));
  const loading = comp.instance.onLoad ? comp.instance.onLoad(query) : undefined;
  if (flush) await flush();
  await loading;
  if (flush) await flush();
  return comp;
}

function renderComponent(component, props = {}) {
  const comp = simulate.render(idOf(component), props);
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

/** The text a consumer reads on the rendered page, whitespace collapsed. */
function textOf(comp) {
  return comp.dom.textContent.replace(/\s+/g, ' ').trim();
}

/**
 * Finds a node by class selectors, each one inside the component the previous one found (a selector does not
 * reach into a child component's own tree): find(page, '.picker', '.dealer') is the picker's first dealer cell.
 * A selector ending in `@n` takes the n-th match (from 0).
 */
function find(comp, ...selectors) {
  let node = comp;
  for (const selector of selectors) {
    const [css, index] = selector.split('@');
    node = node && (index === undefined ? node.querySelector(css) : node.querySelectorAll(css)[Number(index)]);
    if (!node) throw new Error(`nothing matches ${selectors.join(' → ')}`);
  }
  return node;
}

/** Taps a TDesign button or cell found by its class: the tap goes to TDesign's inner element, as a finger would. */
async function tap(comp, ...selectors) {
  const host = find(comp, ...selectors);
  const inner = host.querySelector('.t-button') || host.querySelector('.t-cell') || host;
  inner.dispatchEvent('tap');
  await simulate.sleep(0);
}

/**
 * What a TDesign component tells the page (its triggerEvent), e.g. a textarea's or radio group's `change` as the
 * consumer types or picks, or t-upload's `add` after choosing photos. TDesign's hosts are virtual, so a DOM event
 * dispatched on them would reach no handler.
 */
async function emit(comp, selector, eventName, detail) {
  find(comp, selector).instance.triggerEvent(eventName, detail);
  await simulate.sleep(0);
}

const change = (comp, selector, value) => emit(comp, selector, 'change', { value });

module.exports = { ROOT, renderPage, renderComponent, textOf, find, tap, emit, change, simulate };
