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
 * First panel of the sidebar: what is coming, and what the plugin runs on.
 */
export default function WelcomePanel() {
	const status = usePluginStatus();

	return (
		<PanelBody title={ __( 'Welcome', 'agentic-writer' ) }>
			<p>
				{ __(
					'Chat about your post, plan an outline and write sections with AI, right here. These tools arrive with the provider manager; for now this panel shows that the plugin is installed and working.',
					'agentic-writer'
				) }
			</p>
			<StatusSummary result={ status } />
		</PanelBody>
	);
}
