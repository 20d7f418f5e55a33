/**
 * Internal dependencies
 */
import { looksLikeHtml, modelTextToHtml } from './markdown-to-html';

/**
 * The converted HTML as a fragment to query.
 *
 * @param markdown Model output.
 */
function convert( markdown: string ): DocumentFragment {
	const template = document.createElement( 'template' );
	template.innerHTML = modelTextToHtml( markdown );
	return template.content;
}

/**
 * The tag names of the fragment's top-level elements, in order.
 *
 * @param fragment Converted HTML.
 */
function topLevel( fragment: DocumentFragment ): string[] {
	return Array.from( fragment.children ).map( ( e ) =>
		e.tagName.toLowerCase()
	);
}

function text( node: Node | null | undefined ): string {
	return ( node?.textContent ?? '' ).replace( /\s+/g, ' ' ).trim();
}

/**
 * Every attribute of every element, as `tag[name=value]`.
 *
 * @param fragment Converted HTML.
 */
function attributes( fragment: DocumentFragment ): string[] {
	return Array.from( fragment.querySelectorAll( '*' ) ).flatMap( ( e ) =>
		Array.from( e.attributes ).map(
			( a ) => `${ e.tagName.toLowerCase() }[${ a.name }=${ a.value }]`
		)
	);
}

function comments( fragment: DocumentFragment ): string[] {
	const walker = document.createTreeWalker(
		fragment,
		NodeFilter.SHOW_COMMENT
	);
	const found: string[] = [];
	while ( walker.nextNode() ) {
		found.push( walker.currentNode.nodeValue ?? '' );
	}
	return found;
}

type Check = ( html: DocumentFragment ) => void;

describe( 'modelTextToHtml', () => {
	it.each< [ string, string, Check ] >( [
		[
			'a loose list: items hold no <p>, their paragraphs joined with <br>',
			'- First item\n\n  Its second paragraph\n- Second item\n\n- Third item',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'ul' ] );
				const items = html.querySelectorAll( 'ul > li' );
				expect( items ).toHaveLength( 3 );
				expect( html.querySelectorAll( 'li p' ) ).toHaveLength( 0 );
				expect( items[ 0 ]!.querySelectorAll( 'br' ) ).toHaveLength(
					1
				);
				expect( text( items[ 0 ] ) ).toBe(
					'First item Its second paragraph'
				);
				expect( text( items[ 2 ] ) ).toBe( 'Third item' );
			},
		],
		[
			'a tight list',
			'* one\n* two',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'ul' ] );
				expect(
					Array.from( html.querySelectorAll( 'li' ), text )
				).toEqual( [ 'one', 'two' ] );
			},
		],
		[
			'a nested list: ul > li > ul',
			'- Fruit\n  - Apple\n  - Pear\n- Vegetables\n  1. Leek',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'ul' ] );
				const outer = Array.from( html.children[ 0 ]!.children );
				expect( outer ).toHaveLength( 2 );
				expect(
					Array.from(
						html.querySelectorAll( 'ul > li > ul > li' ),
						text
					)
				).toEqual( [ 'Apple', 'Pear' ] );
				expect( outer[ 0 ]!.lastElementChild?.tagName ).toBe( 'UL' );
				expect( outer[ 1 ]!.lastElementChild?.tagName ).toBe( 'OL' );
				expect( text( outer[ 1 ]!.querySelector( 'ol > li' ) ) ).toBe(
					'Leek'
				);
			},
		],
		[
			'a loose nested list keeps its nesting without <p>',
			'- Parent\n\n  - Child one\n\n  - Child two\n\n- Next',
			( html ) => {
				expect( html.querySelectorAll( 'p' ) ).toHaveLength( 0 );
				expect(
					html.querySelectorAll( 'ul > li > ul > li' )
				).toHaveLength( 2 );
				expect( html.children[ 0 ]!.children ).toHaveLength( 2 );
			},
		],
		[
			'consecutive lists of different kinds stay two lists',
			'- a\n- b\n\n1. c',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'ul', 'ol' ] );
				expect(
					Array.from( html.querySelectorAll( 'ul > li' ), text )
				).toEqual( [ 'a', 'b' ] );
				expect(
					Array.from( html.querySelectorAll( 'ol > li' ), text )
				).toEqual( [ 'c' ] );
			},
		],
		[
			'consecutive lists with different bullets stay two lists',
			'- a\n- b\n\n* c\n* d',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'ul', 'ul' ] );
			},
		],
		[
			'a list right after a paragraph is a list, not part of the paragraph',
			'Things to pack:\n- tea\n- cups',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'p', 'ul' ] );
				expect( html.querySelectorAll( 'li' ) ).toHaveLength( 2 );
			},
		],
		[
			'an ordered list starting elsewhere than 1 keeps its start',
			'3. three\n4. four',
			( html ) => {
				expect(
					html.querySelector( 'ol' )?.getAttribute( 'start' )
				).toBe( '3' );
			},
		],
		[
			'a fence with a blank line and "## not a heading" is one code block',
			'Before.\n\n```js\nconst a = 1;\n\n## not a heading\n- not a list\n```\n\nAfter.',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'p', 'pre', 'p' ] );
				const code = html.querySelectorAll( 'pre > code' );
				expect( code ).toHaveLength( 1 );
				expect( code[ 0 ]!.textContent ).toBe(
					'const a = 1;\n\n## not a heading\n- not a list\n'
				);
				expect( html.querySelector( 'h2' ) ).toBeNull();
				expect( html.querySelector( 'ul' ) ).toBeNull();
				// The language class is not in the allowlist.
				expect( code[ 0 ]!.attributes ).toHaveLength( 0 );
			},
		],
		[
			'markup inside a fence stays text',
			'```html\n<script>alert(1)</script>\n<b>x</b>\n```',
			( html ) => {
				expect( html.querySelector( 'script, b' ) ).toBeNull();
				expect( html.querySelector( 'pre > code' )?.textContent ).toBe(
					'<script>alert(1)</script>\n<b>x</b>\n'
				);
			},
		],
		[
			'a table: table > thead and tbody',
			'| Tea | Origin |\n| --- | :---: |\n| Sencha | Japan |\n| Assam | India |',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'table' ] );
				expect(
					Array.from(
						html.querySelectorAll( 'table > thead > tr > th' ),
						text
					)
				).toEqual( [ 'Tea', 'Origin' ] );
				const rows = html.querySelectorAll( 'table > tbody > tr' );
				expect( rows ).toHaveLength( 2 );
				expect(
					Array.from( rows[ 1 ]!.querySelectorAll( 'td' ), text )
				).toEqual( [ 'Assam', 'India' ] );
				// Alignment comes as an attribute the allowlist does not keep.
				expect( attributes( html ) ).toEqual( [] );
			},
		],
		[
			'a quote',
			'> A quoted line\n> and its continuation.\n\nAfter the quote.',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'blockquote', 'p' ] );
				expect( text( html.querySelector( 'blockquote > p' ) ) ).toBe(
					'A quoted line and its continuation.'
				);
			},
		],
		[
			'headings h2 and h3',
			'## Section\n\nBody.\n\n### Sub-section\nMore body.',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'h2', 'p', 'h3', 'p' ] );
				expect( text( html.querySelector( 'h2' ) ) ).toBe( 'Section' );
				expect( text( html.querySelector( 'h3' ) ) ).toBe(
					'Sub-section'
				);
				// Heading ids would collide with the editor's anchors.
				expect( html.querySelector( 'h2' )?.hasAttribute( 'id' ) ).toBe(
					false
				);
			},
		],
		[
			'inline bold, italic, link and code are kept',
			'Some **bold**, *italic*, [a link](https://example.com/a "Title") and `code()`.',
			( html ) => {
				const p = html.querySelector( 'p' )!;
				expect( text( p.querySelector( 'strong' ) ) ).toBe( 'bold' );
				expect( text( p.querySelector( 'em' ) ) ).toBe( 'italic' );
				expect( text( p.querySelector( 'code' ) ) ).toBe( 'code()' );
				const link = p.querySelector( 'a' )!;
				expect( text( link ) ).toBe( 'a link' );
				expect( link.getAttribute( 'href' ) ).toBe(
					'https://example.com/a'
				);
				expect( link.getAttribute( 'title' ) ).toBe( 'Title' );
			},
		],
		[
			'a horizontal rule and an image',
			'Text\n\n---\n\n![A cup of tea](https://example.com/tea.png)',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'p', 'hr', 'p' ] );
				const img = html.querySelector( 'img' )!;
				expect( img.getAttribute( 'src' ) ).toBe(
					'https://example.com/tea.png'
				);
				expect( img.getAttribute( 'alt' ) ).toBe( 'A cup of tea' );
			},
		],
		[
			'Windows line endings',
			'## Title\r\n\r\n- a\r\n- b\r\n\r\n1. c\r\n',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'h2', 'ul', 'ol' ] );
				expect( text( html.querySelector( 'h2' ) ) ).toBe( 'Title' );
			},
		],
		[
			'an HTML rewrite passes through as HTML with its formatting',
			'<p>Some <strong>bold</strong>, <em>italic</em>, <a href="https://example.com/">a link</a> and <code>*code*</code>.</p>\n<ul><li>one</li><li>two</li></ul>',
			( html ) => {
				expect( topLevel( html ) ).toEqual( [ 'p', 'ul' ] );
				const p = html.querySelector( 'p' )!;
				expect( text( p.querySelector( 'strong' ) ) ).toBe( 'bold' );
				expect( text( p.querySelector( 'em' ) ) ).toBe( 'italic' );
				expect( p.querySelector( 'a' )?.getAttribute( 'href' ) ).toBe(
					'https://example.com/'
				);
				expect( text( p.querySelector( 'code' ) ) ).toBe( '*code*' );
				expect( html.querySelectorAll( 'ul > li' ) ).toHaveLength( 2 );
			},
		],
		[
			'a script in Markdown goes, the text around it stays',
			'Before <script>alert(document.cookie)</script> after.',
			( html ) => {
				expect( html.querySelector( 'script' ) ).toBeNull();
				expect( text( html ) ).toBe( 'Before after.' );
				expect( html.textContent ).not.toContain( 'alert' );
			},
		],
		[
			'a script block between paragraphs goes',
			'First.\n\n<script>\nalert(1)\n</script>\n\nSecond.',
			( html ) => {
				expect( html.querySelector( 'script' ) ).toBeNull();
				expect( html.textContent ).not.toContain( 'alert' );
				expect(
					Array.from( html.querySelectorAll( 'p' ), text )
				).toEqual( [ 'First.', 'Second.' ] );
			},
		],
		[
			'event handlers (onerror, onclick) go, the elements stay',
			'<p onclick="alert(1)">Click <img src="https://example.com/x.png" onerror="alert(2)" alt="x"> me</p>',
			( html ) => {
				expect( attributes( html ) ).toEqual( [
					'img[src=https://example.com/x.png]',
					'img[alt=x]',
				] );
				expect( text( html.querySelector( 'p' ) ) ).toBe( 'Click me' );
			},
		],
		[
			'event handlers in Markdown text go',
			'Look: <img src=x onerror=alert(1)> and <b onmouseover="alert(1)">bold</b>.',
			( html ) => {
				expect(
					attributes( html ).filter( ( a ) => /\[on/.test( a ) )
				).toEqual( [] );
				expect( text( html.querySelector( 'b' ) ) ).toBe( 'bold' );
			},
		],
		[
			'a javascript: Markdown link loses its href, keeps its text',
			'[Click me](javascript:alert(1)) please',
			( html ) => {
				expect( html.querySelector( '[href]' ) ).toBeNull();
				expect( text( html ) ).toContain( 'Click me' );
				expect( text( html ) ).toContain( 'please' );
			},
		],
		[
			'javascript: links hidden by case, tabs, newlines and entities lose their href',
			'<p><a href="JavaScript:alert(1)">one</a> <a href="java&#9;script:alert(2)">two</a> ' +
				'<a href="java\nscript:alert(3)">three</a> <a href="javascript&colon;alert(4)">four</a> ' +
				'<a href=" &#x6A;avascript:alert(5)">five</a> <a href="data:text/html,<script>alert(6)</script>">six</a> ' +
				'<a href="vbscript:msgbox(7)">seven</a> <a href="https://example.com/">safe</a></p>',
			( html ) => {
				const links = html.querySelectorAll( 'a' );
				expect( Array.from( links, text ) ).toEqual( [
					'one',
					'two',
					'three',
					'four',
					'five',
					'six',
					'seven',
					'safe',
				] );
				expect(
					Array.from( html.querySelectorAll( '[href]' ), ( a ) =>
						a.getAttribute( 'href' )
					)
				).toEqual( [ 'https://example.com/' ] );
			},
		],
		[
			'an iframe goes with its content',
			'Watch this: <iframe src="https://evil.example/">fallback text</iframe> then read on.',
			( html ) => {
				expect( html.querySelector( 'iframe' ) ).toBeNull();
				expect( html.textContent ).not.toContain( 'fallback text' );
				expect( text( html ) ).toBe( 'Watch this: then read on.' );
			},
		],
		[
			'a style element goes with its rules',
			'<style>body { display: none }</style>\n\nStill visible.',
			( html ) => {
				expect( html.querySelector( 'style' ) ).toBeNull();
				expect( html.textContent ).not.toContain( 'display' );
				expect( text( html ) ).toBe( 'Still visible.' );
			},
		],
		[
			'block comment delimiters go, their content stays sanitized',
			'Intro.\n\n<!-- wp:html --><p>Inside <script>alert(1)</script>the block.</p><!-- /wp:html -->\n\n<!-- wp:paragraph -->\n\nOutro.',
			( html ) => {
				expect( comments( html ) ).toEqual( [] );
				expect( html.querySelector( 'script' ) ).toBeNull();
				expect(
					Array.from( html.querySelectorAll( 'p' ), text )
				).toEqual( [ 'Intro.', 'Inside the block.', 'Outro.' ] );
			},
		],
		[
			'styles, classes and ids go from allowed elements',
			'<p class="x" style="color:red" id="y" data-z="1">Plain</p>',
			( html ) => {
				expect( attributes( html ) ).toEqual( [] );
				expect( text( html.querySelector( 'p' ) ) ).toBe( 'Plain' );
			},
		],
	] )( '%s', ( _name, input, check ) => {
		check( convert( input ) );
	} );

	it( 'returns an empty string for an empty answer', () => {
		expect( modelTextToHtml( '' ) ).toBe( '' );
	} );
} );

describe( 'looksLikeHtml', () => {
	it.each( [
		[ '<p>Rewritten.</p>', true ],
		[ '  \n<h2>Title</h2>', true ],
		[ '<UL><li>a</li></UL>', true ],
		[ '<blockquote>q</blockquote>', true ],
		[ 'Plain **Markdown**', false ],
		[ '## Heading', false ],
		[ '<pretty> is not a tag we know', false ],
		[ 'Text then <p>html</p>', false ],
	] )( '%j → %s', ( input, expected ) => {
		expect( looksLikeHtml( input ) ).toBe( expected );
	} );
} );
