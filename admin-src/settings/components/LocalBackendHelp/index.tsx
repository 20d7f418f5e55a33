/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminConfig } from '../../../shared/admin-config';

type Props = {
	download: AdminConfig[ 'localBackendDownload' ] | undefined;
};

/**
 * What the local backend is, how to start it, and its download.
 *
 * @param props          Props.
 * @param props.download Download link from the page config.
 */
export default function LocalBackendHelp( { download }: Props ) {
	return (
		<div className="agentic-writer-local-help">
			<p>
				{ __(
					"The local backend runs the Claude Code CLI on your own computer and serves it to this site. Download it, unzip it and run ./start.sh; it prints the API key to paste here. To run it on another machine of your network, start it there with ./start.sh --lan and set the base URL to that machine's address.",
					'agentic-writer'
				) }
			</p>
			{ download?.available ? (
				<Button variant="secondary" href={ download.url } download>
					{ __( 'Download the local backend', 'agentic-writer' ) }
				</Button>
			) : (
				<p>
					{ __(
						'The local backend package is not in this copy of the plugin. Install the release zip of Agentic Writer, or run "npm run build" in its repository.',
						'agentic-writer'
					) }
				</p>
			) }
		</div>
	);
}
