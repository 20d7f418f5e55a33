/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import * as actions from './actions';
import { STORE_NAME } from './name';
import reducer from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export { STORE_NAME };

export const store = createReduxStore( STORE_NAME, {
	reducer,

	actions: actions as any,
	selectors,

	resolvers: resolvers as any,
} );

register( store );
