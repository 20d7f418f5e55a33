/**
 * Model output is untrusted whatever the author's role (an administrator's unfiltered_html must
 * not let a prompt-injected `<script>` into the post). An allowlist over an inert parsed document
 * (DOMParser runs no script and loads nothing): only the tags that map to core blocks and inline
 * formatting survive, with a few attributes; links and images keep http(s), mailto and relative
 * URLs. Unknown tags are unwrapped (their text stays); dangerous ones go with their content.
 *
 * Written here rather than bundling DOMPurify: it would add 12 kB gzip to a 40 kB budget, and
 * an allowlist this small needs none of its configurability.
 */
const ATTRIBUTES: Record< string, string[] > = {
	a: [ 'href', 'title' ],
	img: [ 'src', 'alt', 'title' ],
	ol: [ 'start', 'reversed' ],
	td: [ 'colspan', 'rowspan' ],
	th: [ 'colspan', 'rowspan', 'scope' ],
};
const ALLOWED = new Set( [
	'p',
	'br',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'ul',
	'ol',
	'li',
	'blockquote',
	'pre',
	'code',
	'em',
	'strong',
	'b',
	'i',
	'u',
	's',
	'del',
	'ins',
	'sub',
	'sup',
	'mark',
	'kbd',
	'a',
	'hr',
	'img',
	'table',
	'thead',
	'tbody',
	'tfoot',
	'tr',
	'th',
	'td',
	'figure',
	'figcaption',
	'cite',
] );
const DROPPED = new Set( [
	'script',
	'style',
	'iframe',
	'frame',
	'frameset',
	'object',
	'embed',
	'applet',
	'template',
	'noscript',
	'svg',
	'math',
	'textarea',
	'select',
	'option',
	'button',
	'form',
	'input',
	'title',
	'head',
	'link',
	'meta',
	'base',
	'audio',
	'video',
	'source',
	'track',
	'canvas',
	'dialog',
] );
const URL_ATTRIBUTES = new Set( [ 'href', 'src' ] );

/**
 * Whether a URL is safe in a link or image: http(s), mailto (links only), or relative.
 *
 * @param value Attribute value.
 * @param tag   Element name.
 */
export function isSafeUrl( value: string, tag: string ): boolean {
	// Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
	const compact = value.replace( /[\u0000-\u0020\u007f]/g, '' ).toLowerCase();
	const scheme = /^([a-z][a-z0-9+.-]*):/.exec( compact )?.[ 1 ];
	if ( ! scheme ) {
		return ! compact.startsWith( '//' ) || tag === 'a';
	}
	return (
		scheme === 'http' ||
		scheme === 'https' ||
		( scheme === 'mailto' && tag === 'a' )
	);
}

function clean( parent: Node ): void {
	for ( const node of Array.from( parent.childNodes ) ) {
		if ( node.nodeType === Node.TEXT_NODE ) {
			continue;
		}
		if ( node.nodeType !== Node.ELEMENT_NODE ) {
			node.parentNode?.removeChild( node ); // comments (block delimiters too), processing instructions
			continue;
		}
		const element = node as Element;
		const tag = element.tagName.toLowerCase();
		if ( DROPPED.has( tag ) ) {
			element.remove();
			continue;
		}
		clean( element );
		if ( ! ALLOWED.has( tag ) ) {
			element.replaceWith( ...Array.from( element.childNodes ) );
			continue;
		}
		const keep = ATTRIBUTES[ tag ] ?? [];
		for ( const { name, value } of Array.from( element.attributes ) ) {
			if (
				! keep.includes( name ) ||
				( URL_ATTRIBUTES.has( name ) && ! isSafeUrl( value, tag ) )
			) {
				element.removeAttribute( name );
			}
		}
	}
}

/**
 * Sanitizes HTML for the post and the sidebar.
 *
 * @param html Untrusted HTML.
 */
export function safeHtml( html: string ): string {
	const doc = new DOMParser().parseFromString(
		`<!DOCTYPE html><body>${ html }`,
		'text/html'
	);
	clean( doc.body );
	return doc.body.innerHTML;
}
