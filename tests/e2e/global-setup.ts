/**
 * Logs the admin in once (cookies + REST nonce into the storage state file).
 */
import { request, type FullConfig } from '@playwright/test';
import { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

export default async function globalSetup( config: FullConfig ) {
	const { baseURL, storageState } = config.projects[ 0 ]!.use;
	const context = await request.newContext( { baseURL } );
	const requestUtils = new RequestUtils( context, {
		storageStatePath: storageState as string,
	} );
	await requestUtils.setupRest();
	await context.dispose();
}
