/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import { useMemo } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { asBrief, BRIEF_META, type Brief } from '../brief';

/**
 * The post's brief, re-read when the post's meta changes.
 */
export function useBrief(): Brief {
	const raw = useSelect(
		( select ) =>
			(
				select( 'core/editor' ) as unknown as {
					getEditedPostAttribute: (
						name: 'meta'
					) => Record< string, unknown > | undefined;
				}
			 ).getEditedPostAttribute( 'meta' )?.[ BRIEF_META ],
		[]
	);
	return useMemo( () => asBrief( raw ), [ raw ] );
}
