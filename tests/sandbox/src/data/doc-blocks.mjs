// Doc blocks as the sandbox keeps them: `type` as monday answers it (words, "normal text"),
// `content` the JSON text monday returns. Shared by the seeded docs and the doc mutations.

// A text-like block's content: one deltaFormat run, as monday's examples show.
export function textContent(text, extra = {}) {
  return JSON.stringify({ alignment: 'left', direction: 'ltr', deltaFormat: [{ insert: text }], ...extra });
}

// DocBlockContentType (the mutation's enum, normal_text) → the type a block reads back with
// (normal text): monday's create_doc_blocks example answers "large title", "notice box".
export const blockTypeName = (enumValue) => enumValue.replace(/_/g, ' ');

// Markdown → [{ type, content }] in document order, for add_content_to_doc_from_markdown.
// A simple reading of the common block syntax: # / ## / ### titles, - / * bullets, 1. numbers,
// - [ ] / - [x] checklist, > quote, ``` fences (code, with its language), --- divider, and
// paragraphs (consecutive lines joined by a space). Inline marks (**bold**, links) stay as
// written and tables are kept as text lines: the sandbox does not render markdown.
export function markdownBlocks(markdown) {
  const blocks = [];
  const lines = String(markdown).replace(/\r\n?/g, '\n').split('\n');
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'normal text', content: textContent(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    let m;
    if (trimmed === '') {
      flush();
    } else if ((m = /^```\s*([\w+-]*)\s*$/.exec(trimmed))) {
      flush();
      const code = [];
      for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) code.push(lines[i]);
      blocks.push({ type: 'code', content: textContent(code.join('\n'), m[1] ? { language: m[1] } : {}) });
    } else if (/^(-{3,}|\*{3,}|_{3,})$/.test(trimmed)) {
      flush();
      blocks.push({ type: 'divider', content: JSON.stringify({}) });
    } else if ((m = /^(#{1,3})\s+(.*)$/.exec(trimmed))) {
      flush();
      blocks.push({ type: ['large title', 'medium title', 'small title'][m[1].length - 1], content: textContent(m[2]) });
    } else if ((m = /^[-*]\s+\[([ xX])\]\s+(.*)$/.exec(trimmed))) {
      flush();
      blocks.push({ type: 'check list', content: textContent(m[2], { checked: m[1] !== ' ' }) });
    } else if ((m = /^[-*+]\s+(.*)$/.exec(trimmed))) {
      flush();
      blocks.push({ type: 'bulleted list', content: textContent(m[1], { indentation: 0 }) });
    } else if ((m = /^\d+[.)]\s+(.*)$/.exec(trimmed))) {
      flush();
      blocks.push({ type: 'numbered list', content: textContent(m[1], { indentation: 0 }) });
    } else if ((m = /^>\s?(.*)$/.exec(trimmed))) {
      flush();
      blocks.push({ type: 'quote', content: textContent(m[1]) });
    } else {
      paragraph.push(trimmed);
    }
  }
  flush();
  return blocks;
}
