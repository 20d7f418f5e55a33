/**
 * External dependencies
 */
import { Lexer, Marked } from 'marked';

/**
 * WordPress dependencies
 */
import { createBlock, rawHandler, type BlockInstance } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import { looksLikeHtml, modelTextToHtml } from './markdown-to-html';
import { safeHtml } from './safe-html';

const inline = new Marked( { gfm: true, breaks: false, async: false } );

/**
 * A lone paragraph or heading of plain Markdown (the growing tail of a stream, most of the time)
 * made straight into its block: the raw handler's whole pipeline is not needed for it, and it
 * runs on every frame of a stream.
 *
 * @param text Markdown.
 */
function plainTextBlock( text: string ): BlockInstance | null {
	if ( looksLikeHtml( text ) || /<|!\[/.test( text ) ) {
		return null;
	}
	const tokens = Lexer.lex( text ).filter( ( t ) => t.type !== 'space' );
	const token = tokens[ 0 ];
	if (
		tokens.length !== 1 ||
		! token ||
		( token.type !== 'paragraph' && token.type !== 'heading' )
	) {
		return null;
	}
	const content = safeHtml(
		inline.parseInline( String( token.text ) ) as string
	).replace( /\n/g, ' ' );
	return token.type === 'heading'
		? createBlock( 'core/heading', { level: token.depth, content } )
		: createBlock( 'core/paragraph', { content } );
}

/**
 * Model output → core blocks (paragraphs, headings, lists with nested lists, code, quotes,
 * tables, separators), through WordPress's own raw handler on sanitized HTML.
 *
 * @param text Markdown (or HTML) from the model.
 */
export function modelTextToBlocks( text: string ): BlockInstance[] {
	if ( text.trim() === '' ) {
		return [];
	}
	const simple = plainTextBlock( text );
	return simple
		? [ simple ]
		: rawHandler( { HTML: modelTextToHtml( text ) } );
}
