/**
 * Internal dependencies
 */
import type { ModelList } from '../shared/provider-settings';
import { fetchModels } from '../shared/settings-api';

// One request per provider for the page's life (a model field and an image model field share
// it); forgotten when a save may have changed what the provider offers.
const lists = new Map< string, Promise< ModelList > >();

/**
 * The provider's models, asked once.
 *
 * @param providerId Provider id.
 * @param refresh    Ask the provider again.
 */
export function loadModelList(
	providerId: string,
	refresh = false
): Promise< ModelList > {
	let list = refresh ? undefined : lists.get( providerId );
	if ( ! list ) {
		list = fetchModels( providerId, refresh );
		lists.set( providerId, list );
		// A failure is not kept: the next focus asks again.
		list.catch( () => {
			if ( lists.get( providerId ) === list ) {
				lists.delete( providerId );
			}
		} );
	}
	return list;
}

/**
 * Forgets every list (after a save).
 */
export function forgetModelLists(): void {
	lists.clear();
}
