// Prints a rendered tree (j-component's toJSON) as indented WXML, so the committed snapshots of the pages read
// like the markup the consumer's phone renders: TDesign's own elements included, empty class/style attributes left out.
function print(node, indent) {
  if (typeof node === 'string') {
    const text = node.trim();
    return text ? `${indent}${text}\n` : '';
  }
  const tag = node.tagName.replace(/^wx-/, '');
  const attrs = node.attrs
    .filter((a) => a.value !== '' && a.value !== undefined && a.value !== null)
    .map((a) => ` ${a.name}="${String(a.value).replace(/\s+/g, ' ').trim()}"`)
    .join('');
  const children = node.children.map((c) => print(c, indent + '  ')).join('');
  return children ? `${indent}<${tag}${attrs}>\n${children}${indent}</${tag}>\n` : `${indent}<${tag}${attrs} />\n`;
}

module.exports = {
  test: (value) => value !== null && typeof value === 'object' && typeof value.tagName === 'string' && Array.isArray(value.children),
  serialize: (value) => print(value, '').trimEnd(),
};
