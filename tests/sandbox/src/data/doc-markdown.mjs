// export_markdown_from_doc: a doc's blocks as Markdown. monday does not publish its renderer;
// this one follows the block types the sandbox seeds (titles, text, lists, check lists, quotes,
// code, dividers, tables whose cells are the table block's children), one Markdown block each.

const textOf = (block) => {
  try {
    const content = JSON.parse(block.content || '{}');
    return (content.deltaFormat || []).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  } catch {
    return '';
  }
};

const contentOf = (block) => {
  try {
    return JSON.parse(block.content || '{}');
  } catch {
    return {};
  }
};

function tableMarkdown(table, cells) {
  const { column_count: columns = 1 } = contentOf(table);
  const rows = [];
  for (let i = 0; i < cells.length; i += columns) rows.push(cells.slice(i, i + columns).map(textOf));
  if (!rows.length) return '';
  const line = (cols) => `| ${cols.join(' | ')} |`;
  return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

function blockMarkdown(block, children) {
  const text = textOf(block);
  switch (block.type) {
    case 'large title': return `# ${text}`;
    case 'medium title': return `## ${text}`;
    case 'small title': return `### ${text}`;
    case 'bulleted list': return `- ${text}`;
    case 'numbered list': return `1. ${text}`;
    case 'check list': return `- [${contentOf(block).checked ? 'x' : ' '}] ${text}`;
    case 'quote': return `> ${text}`;
    case 'code': return `\`\`\`${contentOf(block).language || ''}\n${text}\n\`\`\``;
    case 'divider': return '---';
    case 'table': return tableMarkdown(block, children);
    default: return text;
  }
}

// `blockIds`: only those blocks (and a table's cells with their table), in document order.
export function docMarkdown(doc, blockIds) {
  const blocks = doc.blocks || [];
  const wanted = blockIds ? new Set(blockIds) : null;
  const LISTS = new Set(['bulleted list', 'numbered list', 'check list']);
  let out = '';
  let previous = null;
  for (const block of blocks) {
    if (block.parent_block_id) continue;  // a table's cells are rendered with the table
    if (wanted && !wanted.has(block.id)) continue;
    const children = blocks.filter((b) => b.parent_block_id === block.id);
    // Items of one list stay on consecutive lines; other blocks are paragraphs apart.
    if (previous) out += LISTS.has(block.type) && block.type === previous.type ? '\n' : '\n\n';
    out += blockMarkdown(block, children);
    previous = block;
  }
  return out;
}
