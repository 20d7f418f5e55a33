/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Renders an admin page into the root div its PHP page printed. The bundle loads in the
 * footer, so the root already exists.
 *
 * @param rootId Element id (Admin_Menu::render_root()).
 * @param page   Element to render.
 */
export function mountAdminPage( rootId: string, page: ReactNode ): void {
	const root = document.getElementById( rootId );
	if ( root ) {
		createRoot( root ).render( page );
	}
}
