/**
 * jsdom lacks matchMedia, which @wordpress/components' responsive hooks call on mount.
 * Answer "no match" like a desktop browser with no media preferences.
 */
if ( typeof window !== 'undefined' && ! window.matchMedia ) {
	window.matchMedia = ( query ) => ( {
		matches: false,
		media: query,
		onchange: null,
		addListener() {},
		removeListener() {},
		addEventListener() {},
		removeEventListener() {},
		dispatchEvent: () => false,
	} );
}
