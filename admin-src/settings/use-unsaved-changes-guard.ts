/**
 * WordPress dependencies
 */
import { useEffect } from '@wordpress/element';

/**
 * Asks the browser to confirm leaving the page while there are unsaved changes.
 *
 * @param dirty Whether a save would send anything.
 */
export function useUnsavedChangesGuard( dirty: boolean ): void {
	useEffect( () => {
		if ( ! dirty ) {
			return;
		}
		const warn = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			// Browsers before preventDefault() was honoured here look at returnValue.
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ dirty ] );
}
