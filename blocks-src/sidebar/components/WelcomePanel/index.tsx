/**
 * WordPress dependencies
 */
import { PanelBody } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import StatusSummary from '../../../../admin-src/shared/components/StatusSummary';
import { usePluginStatus } from '../../../../admin-src/shared/use-plugin-status';

/**
 * First panel of the sidebar: what is not built yet, where to configure, and what the plugin runs on.
 */
export default function WelcomePanel() {
	const status = usePluginStatus();

	return (
		<PanelBody title={ __( 'Welcome', 'agentic-writer' ) }>
			<p>
				{ __(
					'Writing tools (chat, outline, drafting sections) are not built into this sidebar yet; for now this panel shows that the plugin is installed and working. Set up providers and routing under Agentic Writer → Settings.',
					'agentic-writer'
				) }
			</p>
			<StatusSummary result={ status } />
		</PanelBody>
	);
}
