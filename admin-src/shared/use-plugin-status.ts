/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { errorMessage, fetchPluginStatus } from './api-client';
import type { PluginStatus } from './plugin-status';

export type PluginStatusState =
	| { state: 'loading' }
	| { state: 'ready'; status: PluginStatus }
	| { state: 'error'; message: string };

/**
 * Loads the plugin status once for the component's lifetime.
 */
export function usePluginStatus(): PluginStatusState {
	const [ result, setResult ] = useState< PluginStatusState >( {
		state: 'loading',
	} );

	useEffect( () => {
		let active = true;
		fetchPluginStatus().then(
			( status ) => active && setResult( { state: 'ready', status } ),
			( error: unknown ) =>
				active &&
				setResult( { state: 'error', message: errorMessage( error ) } )
		);
		return () => {
			active = false;
		};
	}, [] );

	return result;
}
