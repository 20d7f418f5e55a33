/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { createInterpolateElement } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminConfig } from '../../../shared/admin-config';
import SettingsCard from '../SettingsCard';

type Props = {
	download: AdminConfig[ 'localBackendDownload' ] | undefined;
};

// Tags a step may hold: a command or address in <code>, the LAN address as <url />.
const tags = () => ( {
	code: <code />,
	url: (
		<code>
			{ __( 'http://<that computer’s IP>:8080', 'agentic-writer' ) }
		</code>
	),
} );

/**
 * Steps on the machine that runs WordPress.
 */
function sameMachineSteps(): string[] {
	return [
		__(
			'Unzip the download and open a terminal in its folder.',
			'agentic-writer'
		),
		__(
			'Run <code>./start.sh</code>. It prints an API key.',
			'agentic-writer'
		),
		__(
			'Below, keep the base URL <code>http://127.0.0.1:8080</code>, paste the key and save.',
			'agentic-writer'
		),
		__(
			'Press Test connection; the status below turns to Running.',
			'agentic-writer'
		),
	];
}

/**
 * Steps on another computer of the LAN.
 */
function lanSteps(): string[] {
	return [
		__(
			'Unzip the download on that computer and open a terminal in its folder.',
			'agentic-writer'
		),
		__(
			'Run <code>./start.sh --lan</code> so it listens on the network, and note the API key it prints.',
			'agentic-writer'
		),
		__(
			'Run <code>./get-local-ip.sh</code> to see that computer’s address, e.g. 192.168.1.20.',
			'agentic-writer'
		),
		__(
			'Below, set the base URL to <url />, paste the key and save.',
			'agentic-writer'
		),
		__(
			'If the status says it is not reachable, allow port 8080 in that computer’s firewall (only on your private network).',
			'agentic-writer'
		),
	];
}

/**
 * A numbered list of steps.
 *
 * @param props       Props.
 * @param props.steps Translated steps, with <code> and <url /> tags.
 */
function Steps( { steps }: { steps: string[] } ) {
	return (
		<ol>
			{ steps.map( ( step ) => (
				<li key={ step }>
					{ createInterpolateElement( step, tags() ) }
				</li>
			) ) }
		</ol>
	);
}

/**
 * What the local backend is, its download, and the steps to run it on this machine or on
 * another one of the network.
 *
 * @param props          Props.
 * @param props.download Download link from the page config.
 */
export default function LocalBackendHelp( { download }: Props ) {
	return (
		<SettingsCard
			id="local-setup"
			className="agentic-writer-local-help"
			title={ __( 'Set up the local backend', 'agentic-writer' ) }
		>
			<p>
				{ __(
					'The local backend runs the Claude Code CLI on your own computer and serves it to this site, so writing uses your Claude subscription. It needs Node.js 20 or later and the claude CLI, logged in.',
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
			<h3>
				{ __( 'On the machine that runs this site', 'agentic-writer' ) }
			</h3>
			<Steps steps={ sameMachineSteps() } />
			<h3>
				{ __(
					'On another computer of your network',
					'agentic-writer'
				) }
			</h3>
			<Steps steps={ lanSteps() } />
		</SettingsCard>
	);
}
