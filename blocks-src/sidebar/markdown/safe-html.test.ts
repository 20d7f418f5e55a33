/**
 * Internal dependencies
 */
import { isSafeUrl, safeHtml } from './safe-html';

function parse( html: string ): DocumentFragment {
	const template = document.createElement( 'template' );
	template.innerHTML = html;
	return template.content;
}

describe( 'isSafeUrl', () => {
	it.each( [
		[ 'https://example.com/page?q=1#top', 'a' ],
		[ 'http://example.com/', 'a' ],
		[ 'HTTPS://EXAMPLE.COM/', 'a' ],
		[ 'https://example.com/tea.png', 'img' ],
		[ 'mailto:editor@example.com', 'a' ],
		[ '/wp-content/uploads/tea.png', 'img' ],
		[ 'relative/page.html', 'a' ],
		[ '../up', 'a' ],
		[ '#section-2', 'a' ],
		[ '?page=2', 'a' ],
		[ '', 'a' ],
		[ 'path/with:colon', 'a' ],
		[ '//cdn.example.com/page', 'a' ],
	] )( 'allows %j on <%s>', ( url, tag ) => {
		expect( isSafeUrl( url, tag ) ).toBe( true );
	} );

	it.each( [
		[ 'javascript:alert(1)', 'a' ],
		[ 'JavaScript:alert(1)', 'a' ],
		[ '  javascript:alert(1)', 'a' ],
		[ 'java\tscript:alert(1)', 'a' ],
		[ 'java\nscript:alert(1)', 'a' ],
		[ 'java\r\nscript:alert(1)', 'a' ],
		[ '\u0000javascript:alert(1)', 'a' ],
		[ 'jav\u0001ascript:alert(1)', 'a' ],
		[ 'javascript\t:alert(1)', 'a' ],
		[ 'vbscript:msgbox(1)', 'a' ],
		[ 'data:text/html;base64,PHNjcmlwdD4=', 'a' ],
		[ 'data:image/png;base64,iVBORw0KGgo=', 'img' ],
		[ 'file:///etc/passwd', 'a' ],
		[ 'ftp://example.com/', 'a' ],
		[ 'mailto:editor@example.com', 'img' ],
		[ '//tracker.example.com/pixel.png', 'img' ],
		[ ' //tracker.example.com/pixel.png', 'img' ],
	] )( 'refuses %j on <%s>', ( url, tag ) => {
		expect( isSafeUrl( url, tag ) ).toBe( false );
	} );
} );

describe( 'safeHtml', () => {
	it( 'keeps the tags that map to blocks and inline formatting as they are', () => {
		const html =
			'<h2>Title</h2><p>A <strong>b</strong> <em>i</em> <code>c</code> <s>s</s> <sub>2</sub> <mark>m</mark> <kbd>K</kbd><br>x</p>' +
			'<ol start="3" reversed=""><li>three</li></ol>' +
			'<table><thead><tr><th scope="col">H</th></tr></thead><tbody><tr><td colspan="2">D</td></tr></tbody></table>' +
			'<figure><img src="https://example.com/a.png" alt="A" title="T"><figcaption>Cap</figcaption></figure>' +
			'<blockquote><p>Q</p><cite>Who</cite></blockquote><pre><code>x</code></pre><hr>';
		expect( safeHtml( html ) ).toBe( html );
	} );

	it.each( [
		[
			'<div><span class="x">Hello</span> <font color="red">world</font></div>',
			'Hello world',
		],
		[ '<section><article><p>Deep</p></article></section>', '<p>Deep</p>' ],
		[ '<custom-element>Custom</custom-element> text', 'Custom text' ],
		[ '<center><u>Old</u></center>', '<u>Old</u>' ],
		[ '<details><summary>More</summary>Hidden</details>', 'MoreHidden' ],
	] )(
		'unwraps unknown tags and keeps their text: %s',
		( input, expected ) => {
			expect( safeHtml( input ) ).toBe( expected );
		}
	);

	it.each( [
		'<script>alert(1)</script>',
		'<script src="https://evil.example/x.js"></script>',
		'<style>p { display: none }</style>',
		'<iframe src="https://evil.example/">frame text</iframe>',
		'<object data="x.swf">object text</object>',
		'<embed src="x.swf">',
		'<svg><script>alert(1)</script><text>svg text</text></svg>',
		'<math><mi>x</mi></math>',
		'<form action="https://evil.example/"><input name="password"><button>Send</button></form>',
		'<textarea>typed</textarea>',
		'<select><option>one</option></select>',
		'<noscript>no script</noscript>',
		'<template><p>template</p></template>',
		'<video src="x.mp4">video text</video>',
		'<audio src="x.mp3"></audio>',
		'<link rel="stylesheet" href="x.css"><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">',
		'<title>doc title</title>',
		'<dialog open>dialog text</dialog>',
	] )( 'drops %s with its content', ( dangerous ) => {
		const out = safeHtml( `<p>Before</p>${ dangerous }<p>After</p>` );
		expect( out ).toBe( '<p>Before</p><p>After</p>' );
	} );

	it( 'drops dangerous tags nested inside unknown ones', () => {
		expect(
			safeHtml(
				'<div>Keep <span>this <script>alert(1)</script>text</span></div>'
			)
		).toBe( 'Keep this text' );
	} );

	it( 'drops comments, block delimiters included', () => {
		expect(
			safeHtml(
				'<!-- wp:paragraph --><p>A<!-- inline --></p><!-- /wp:paragraph --><!-- wp:html /-->'
			)
		).toBe( '<p>A</p>' );
	} );

	it( 'keeps only the attributes each tag may have', () => {
		const out = parse(
			safeHtml(
				'<p class="lead" style="color:red" id="x" onclick="alert(1)" data-x="1">P</p>' +
					'<a href="https://example.com/" title="T" target="_blank" rel="opener" onmouseover="alert(1)" style="x">A</a>' +
					'<img src="https://example.com/a.png" alt="Alt" srcset="evil.png 2x" onerror="alert(1)" width="1">' +
					'<ol start="2" type="a" class="c"><li value="9">L</li></ol>' +
					'<table><tr><td colspan="2" rowspan="3" bgcolor="red">D</td><th scope="row" align="left">H</th></tr></table>'
			)
		);
		const kept = Array.from( out.querySelectorAll( '*' ), ( e ) => [
			e.tagName.toLowerCase(),
			Array.from( e.attributes, ( a ) => a.name ).sort(),
		] );
		expect( kept ).toEqual( [
			[ 'p', [] ],
			[ 'a', [ 'href', 'title' ] ],
			[ 'img', [ 'alt', 'src' ] ],
			[ 'ol', [ 'start' ] ],
			[ 'li', [] ],
			[ 'table', [] ],
			[ 'tbody', [] ],
			[ 'tr', [] ],
			[ 'td', [ 'colspan', 'rowspan' ] ],
			[ 'th', [ 'scope' ] ],
		] );
	} );

	it( 'removes unsafe URLs and keeps the element and its text', () => {
		const out = parse(
			safeHtml(
				'<a href="javascript:alert(1)" title="t">link</a>' +
					'<a href="java&#x09;script:alert(1)">tab</a>' +
					'<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="pic">' +
					'<img src="//tracker.example.com/p.png" alt="pixel">'
			)
		);
		const links = out.querySelectorAll( 'a' );
		expect( Array.from( links, ( a ) => a.textContent ) ).toEqual( [
			'link',
			'tab',
		] );
		expect( out.querySelectorAll( '[href], [src]' ) ).toHaveLength( 0 );
		expect( links[ 0 ]!.getAttribute( 'title' ) ).toBe( 't' );
		expect(
			Array.from( out.querySelectorAll( 'img' ), ( i ) =>
				i.getAttribute( 'alt' )
			)
		).toEqual( [ 'pic', 'pixel' ] );
	} );

	it( 'escapes text so it cannot become markup again', () => {
		const out = safeHtml( '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>' );
		expect( out ).toBe( '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>' );
		expect( parse( out ).querySelector( 'script' ) ).toBeNull();
	} );

	it( 'does not let a dropped tag smuggle markup through its text', () => {
		const out = safeHtml(
			'<textarea><img src=x onerror=alert(1)></textarea><title><script>alert(1)</script></title><p>ok</p>'
		);
		expect( out ).toBe( '<p>ok</p>' );
	} );
} );
