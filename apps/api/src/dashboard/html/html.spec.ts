import { attributes, escapeHtml, evidenceLink, html, raw, safeUrl } from './html';

describe('html templates', () => {
  it('escapes every interpolated text, in content and in attributes', () => {
    const name = `<script>alert("x")</script> & 'co'`;

    const markup = html`<p title="${name}">${name}</p>`.value;

    expect(markup).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    );
  });

  it('keeps markup built by other templates, joins lists, and renders nothing for null, undefined and booleans', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);

    expect(html`<ul>${items}</ul>${null}${undefined}${false}${true}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
    expect(html`${raw('<br>')}`.value).toBe('<br>');
    expect(escapeHtml('`')).toBe('&#96;');
  });

  it('makes only http(s) links and own paths clickable', () => {
    expect(safeUrl('https://micrositio.example.org/acta.pdf')).toBe('https://micrositio.example.org/acta.pdf');
    expect(safeUrl('/tablero/entidades/14')).toBe('/tablero/entidades/14');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('//evil.example/x')).toBeUndefined();
    expect(evidenceLink('javascript:alert(1)').value).toBe('<span>javascript:alert(1)</span>');
    expect(evidenceLink('https://a.example/acta.pdf').value).toBe(
      '<a href="https://a.example/acta.pdf" target="_blank" rel="noopener noreferrer">a.example/acta.pdf</a>',
    );
  });

  it('writes attributes from a record, leaving out undefined and false', () => {
    expect(attributes({ 'data-a': 'x"y', hidden: true, disabled: false, 'data-b': undefined, 'data-n': 3 }).value).toBe(
      ' data-a="x&quot;y" hidden data-n="3"',
    );
  });
});
