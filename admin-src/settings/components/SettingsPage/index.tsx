/**
 * WordPress dependencies
 */
import { Button, Card, CardBody, CardHeader } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminConfig } from '../../../shared/admin-config';
import StatusSummary from '../../../shared/components/StatusSummary';
import { usePluginStatus } from '../../../shared/use-plugin-status';

type Props = {
	config: AdminConfig | null;
};

/**
 * Agentic Writer → Settings.
 *
 * @param props        Props.
 * @param props.config Page config from PHP.
 */
export default function SettingsPage( { config }: Props ) {
	const status = usePluginStatus();
	const download = config?.localBackendDownload;

	return (
		<>
			<h1>{ __( 'Agentic Writer settings', 'agentic-writer' ) }</h1>
			<p>
				{ __(
					'Provider settings (OpenRouter, Anthropic, OpenAI-compatible endpoints and the local backend) and routing arrive with the provider manager.',
					'agentic-writer'
				) }
			</p>
			<Card>
				<CardHeader>
					<h2>{ __( 'Status', 'agentic-writer' ) }</h2>
				</CardHeader>
				<CardBody>
					<StatusSummary result={ status } />
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Local backend', 'agentic-writer' ) }</h2>
				</CardHeader>
				<CardBody>
					<p>
						{ __(
							'The local backend runs the Claude Code CLI on your own computer and serves it to this site. Download it, unzip it and run ./start.sh.',
							'agentic-writer'
						) }
					</p>
					{ download?.available ? (
						<Button
							variant="primary"
							href={ download.url }
							download
						>
							{ __(
								'Download the local backend',
								'agentic-writer'
							) }
						</Button>
					) : (
						<p>
							{ __(
								'The local backend package is not in this copy of the plugin. Install the release zip of Agentic Writer, or run "npm run build" in its repository.',
								'agentic-writer'
							) }
						</p>
					) }
				</CardBody>
			</Card>
		</>
	);
}
