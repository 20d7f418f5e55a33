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
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- thunks are typed where they are written
	actions: actions as any,
	selectors,
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	resolvers: resolvers as any,
} );

register( store );
