import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { parseSimpleFrontMatter } from '../../src/core/text/frontMatter';

// The direct reading of `key: value` front matter must give exactly what the YAML parser gives, or decline.
describe('front matter: simple key-value reading', () => {
  const read = (yaml: string) => {
    const doc = parseDocument(yaml);
    return { errors: doc.errors.length, data: doc.toJS() as unknown };
  };

  const simple = [
    'title: "Ursel’s coalition agrees on aid"\nauthor: Shituvin Bribel\npublisher: The Fisel Review\nissued: 2016-01-04\n',
    'title: Plain title with  two spaces   \r\nauthor: "A. N. Other"\r\n',
    'citekey: smith2024\nlanguage: en-GB\n',
    'title: "Quoted: with a colon # and a hash"\n\nauthor: O’Brien\n',
    'x: yes\ny: No\nz: on\nw: Ursel\'s\n',
    'title: "Kyiv’s war – 𝐀 astral"\n',
  ];
  for (const yaml of simple) {
    it(`reads ${JSON.stringify(yaml.slice(0, 40))} as YAML does`, () => {
      const yamlResult = read(yaml);
      assert.equal(yamlResult.errors, 0);
      assert.deepEqual(parseSimpleFrontMatter(yaml), yamlResult.data);
    });
  }

  const declined = [
    'year: 2024\n', // a number
    'draft: true\n', // a boolean
    'editor: null\n', // null
    'authors:\n  - A\n  - B\n', // a list
    'authors: [A, B]\n', // a flow list
    'title: Colon: inside\n', // not a plain scalar
    'title: with # comment\n', // a comment
    '# comment\ntitle: T\n', // a comment line
    'title: "escaped \\" quote"\n', // an escape
    'title: T\ntitle: U\n', // a duplicate key
    'title: \'single\'\n', // single quotes
    'title: |\n  block\n', // a block scalar
    'title:\tT\n', // a tab
    'title: T\n  continued\n', // a continuation line
    '', // nothing
    'true: x\n', // a keyword key
  ];
  for (const yaml of declined) {
    it(`leaves ${JSON.stringify(yaml.slice(0, 40))} to the YAML parser`, () => {
      assert.equal(parseSimpleFrontMatter(yaml), undefined);
    });
  }
});
