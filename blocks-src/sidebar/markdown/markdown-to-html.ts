/**
 * External dependencies
 */
import { Marked } from 'marked';

/**
 * Internal dependencies
 */
import { safeHtml } from './safe-html';

const marked = new Marked( { gfm: true, breaks: false, async: false } );

/**
 * Loose lists come out of Markdown as `<li><p>…</p></li>`, which becomes broken list items in the
 * block editor: a list item's paragraphs are joined with line breaks instead.
 *
 * @param root Parsed fragment.
 */
function unwrapListParagraphs( root: ParentNode ): void {
	for ( const item of Array.from( root.querySelectorAll( 'li' ) ) ) {
		const paragraphs = Array.from( item.children ).filter(
			( child ) => child.tagName === 'P'
		);
		paragraphs.forEach( ( p, index ) => {
			if ( index > 0 ) {
				p.before( p.ownerDocument.createElement( 'br' ) );
			}
			p.replaceWith( ...Array.from( p.childNodes ) );
		} );
	}
}

/**
 * Whether a model answer is HTML (a rewrite of HTML the author selected) rather than Markdown.
 *
 * @param text Model output.
 */
export function looksLikeHtml( text: string ): boolean {
	return /^\s*<(p|h[1-6]|ul|ol|blockquote|pre|table|figure|div)\b/i.test(
		text
	);
}

/**
 * Model output (Markdown, or HTML for rewrites of HTML) → sanitized HTML whose structure maps
 * one to one onto core blocks.
 *
 * @param text Model output.
 */
export function modelTextToHtml( text: string ): string {
	const normalized = text.replace( /\r\n?/g, '\n' );
	const html = looksLikeHtml( normalized )
		? normalized
		: ( marked.parse( normalized ) as string );
	const template = document.createElement( 'template' );
	template.innerHTML = safeHtml( html );
	unwrapListParagraphs( template.content );
	return template.innerHTML;
}
