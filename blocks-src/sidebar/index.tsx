/**
 * WordPress dependencies
 */
import { PluginSidebar, PluginSidebarMoreMenuItem } from '@wordpress/editor';
import { __ } from '@wordpress/i18n';
import { registerPlugin } from '@wordpress/plugins';

/**
 * Internal dependencies
 */
import Sidebar from './components/Sidebar';
import './store';
import { registerRefineToolbarButton } from './toolbar/refine-toolbar-button';
import './sidebar.css';

const PLUGIN_NAME = 'agentic-writer';
const SIDEBAR_NAME = 'agentic-writer-sidebar';

/**
 * The editor sidebar, its header button and its "Options" menu item.
 */
function AgenticWriterSidebar() {
	const title = __( 'Agentic Writer', 'agentic-writer' );
	return (
		<>
			<PluginSidebarMoreMenuItem target={ SIDEBAR_NAME } icon="edit-page">
				{ title }
			</PluginSidebarMoreMenuItem>
			<PluginSidebar
				name={ SIDEBAR_NAME }
				title={ title }
				icon="edit-page"
			>
				<Sidebar />
			</PluginSidebar>
		</>
	);
}

registerPlugin( PLUGIN_NAME, { render: AgenticWriterSidebar } );
registerRefineToolbarButton( `${ PLUGIN_NAME }/${ SIDEBAR_NAME }` );
