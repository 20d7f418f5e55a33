/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { errorMessage } from '../shared/api-client';

export type Loaded< T > = {
	/** The latest data; kept while a newer request runs, so nothing flickers. */
	data: T | null;
	/** Why the latest request failed, or null. */
	error: string | null;
	/** A request is running. */
	loading: boolean;
};

/**
 * Loads data for a key (e.g. the range) and again whenever the key changes or `every`
 * milliseconds pass; an answer for an old key is dropped.
 *
 * @param key   What the data depends on, as a string.
 * @param load  Loader.
 * @param every Poll interval in ms (0: no polling).
 */
export function useLoaded< T >(
	key: string,
	load: () => Promise< T >,
	every = 0
): Loaded< T > {
	const [ state, setState ] = useState< Loaded< T > >( {
		data: null,
		error: null,
		loading: true,
	} );

	useEffect( () => {
		let active = true;
		const run = () => {
			setState( ( s ) => ( { ...s, loading: true } ) );
			load().then(
				( data ) =>
					active && setState( { data, error: null, loading: false } ),
				( error: unknown ) =>
					active &&
					setState( ( s ) => ( {
						...s,
						error: errorMessage( error ),
						loading: false,
					} ) )
			);
		};
		run();
		const timer = every > 0 ? window.setInterval( run, every ) : 0;
		return () => {
			active = false;
			window.clearInterval( timer );
		};
		// The key stands for everything `load` closes over.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ key, every ] );

	return state;
}
