/**
 * WordPress dependencies
 */
import { RawHTML, useMemo } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { modelTextToHtml } from '../../markdown/markdown-to-html';

/**
 * A model answer rendered as sanitized Markdown (no script, no handlers, no javascript: links).
 * @param root0      Props.
 * @param root0.text Markdown or HTML from the model.
 */
export default function MarkdownView( { text }: { text: string } ) {
	const html = useMemo( () => modelTextToHtml( text ), [ text ] );
	return <RawHTML className="agentic-writer-markdown">{ html }</RawHTML>;
}
