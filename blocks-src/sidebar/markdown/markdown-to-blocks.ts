/**
 * WordPress dependencies
 */
import { rawHandler, type BlockInstance } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import { modelTextToHtml } from './markdown-to-html';

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
	return rawHandler( { HTML: modelTextToHtml( text ) } );
}
