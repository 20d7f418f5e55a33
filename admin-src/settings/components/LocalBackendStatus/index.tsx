/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../../shared/api-client';
import type {
	LocalBackendDriver,
	LocalBackendStatus as Status,
} from '../../../shared/provider-settings';
import { fetchLocalBackendStatus } from '../../../shared/settings-api';
import SettingsCard from '../SettingsCard';

type Props = {
	/** Milliseconds between checks while the panel is shown; 0 checks only on request. */
	refreshMs?: number;
};

const yesNo = ( value: boolean | null ): string => {
	if ( value === null ) {
		return __( 'unknown', 'agentic-writer' );
	}
	return value ? __( 'yes', 'agentic-writer' ) : __( 'no', 'agentic-writer' );
};

/**
 * One CLI driver as a table row.
 *
 * @param props        Props.
 * @param props.driver Driver from the backend's /ping.
 */
function DriverRow( { driver }: { driver: LocalBackendDriver } ) {
	let login = yesNo( driver.logged_in );
	if ( driver.logged_in && driver.login_method ) {
		login = sprintf(
			/* translators: %s: how the CLI is logged in, e.g. subscription. */
			__( 'yes (%s)', 'agentic-writer' ),
			driver.login_method
		);
	}
	return (
		<tr>
			<th scope="row">{ driver.name }</th>
			<td>{ driver.version ?? __( 'unknown', 'agentic-writer' ) }</td>
			<td>{ login }</td>
			<td>{ yesNo( driver.ready ) }</td>
		</tr>
	);
}

/**
 * What the backend said, as a definition list and a driver table.
 *
 * @param props        Props.
 * @param props.status GET local-backend/status.
 */
function Details( { status }: { status: Status } ) {
	const { pool } = status;
	return (
		<>
			<dl className="agentic-writer-status">
				<dt>{ __( 'Address', 'agentic-writer' ) }</dt>
				<dd>{ status.base_url || '—' }</dd>
				<dt>{ __( 'Reachable', 'agentic-writer' ) }</dt>
				<dd>
					{ status.latency_ms !== null
						? sprintf(
								/* translators: %d: answer time in milliseconds. */
								__( 'yes, in %d ms', 'agentic-writer' ),
								Math.round( status.latency_ms )
							)
						: __( 'yes', 'agentic-writer' ) }
				</dd>
				<dt>{ __( 'Backend version', 'agentic-writer' ) }</dt>
				<dd>{ status.version ?? __( 'unknown', 'agentic-writer' ) }</dd>
				{ pool && (
					<>
						<dt>{ __( 'Warm pool', 'agentic-writer' ) }</dt>
						<dd>
							{ sprintf(
								/* translators: 1: processes ready, 2: pool size, 3: starting, 4: requests served warm, 5: served cold. */
								__(
									'%1$d of %2$d ready, %3$d starting; %4$d served warm, %5$d cold',
									'agentic-writer'
								),
								pool.ready,
								pool.size,
								pool.starting,
								pool.served_warm,
								pool.served_cold
							) }
						</dd>
					</>
				) }
			</dl>
			{ status.drivers.length > 0 ? (
				<table className="widefat striped agentic-writer-drivers">
					<caption>{ __( 'CLI drivers', 'agentic-writer' ) }</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'CLI', 'agentic-writer' ) }
							</th>
							<th scope="col">
								{ __( 'Version', 'agentic-writer' ) }
							</th>
							<th scope="col">
								{ __( 'Logged in', 'agentic-writer' ) }
							</th>
							<th scope="col">
								{ __( 'Ready', 'agentic-writer' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ status.drivers.map( ( driver ) => (
							<DriverRow key={ driver.name } driver={ driver } />
						) ) }
					</tbody>
				</table>
			) : (
				<p>
					{ __(
						'The backend found no CLI to run: install the claude CLI on that machine and restart the backend.',
						'agentic-writer'
					) }
				</p>
			) }
		</>
	);
}

/**
 * The one line that says how the backend is doing.
 *
 * @param status GET local-backend/status.
 */
function headline( status: Status ): string {
	if ( ! status.configured ) {
		return __( 'Not configured', 'agentic-writer' );
	}
	if ( ! status.reachable ) {
		return __( 'Not reachable', 'agentic-writer' );
	}
	return status.ok && status.status !== 'degraded'
		? __( 'Running', 'agentic-writer' )
		: __( 'Running, with problems', 'agentic-writer' );
}

/**
 * Live status of the local backend at its saved address: reachable, version, each CLI with
 * its login, the warm pool. Checked when shown, every `refreshMs`, and on request; the last
 * answer stays on screen while the next one is read.
 *
 * @param props           Props.
 * @param props.refreshMs Milliseconds between checks.
 */
export default function LocalBackendStatus( { refreshMs = 15000 }: Props ) {
	const [ status, setStatus ] = useState< Status | null >( null );
	const [ failure, setFailure ] = useState< string | null >( null );
	const [ checking, setChecking ] = useState( false );
	const active = useRef( true );

	const check = useCallback( () => {
		setChecking( true );
		fetchLocalBackendStatus().then(
			( answer ) => {
				if ( active.current ) {
					setStatus( answer );
					setFailure( null );
					setChecking( false );
				}
			},
			( error: unknown ) => {
				if ( active.current ) {
					setFailure( errorMessage( error ) );
					setChecking( false );
				}
			}
		);
	}, [] );

	useEffect( () => {
		active.current = true;
		check();
		// A hidden browser tab does not need a fresh answer.
		const timer =
			refreshMs > 0
				? setInterval( () => ! document.hidden && check(), refreshMs )
				: null;
		return () => {
			active.current = false;
			if ( timer ) {
				clearInterval( timer );
			}
		};
	}, [ check, refreshMs ] );

	return (
		<SettingsCard
			id="local-status"
			title={ __( 'Local backend status', 'agentic-writer' ) }
			actions={
				<Button
					variant="secondary"
					onClick={ check }
					isBusy={ checking }
					disabled={ checking }
					accessibleWhenDisabled
				>
					{ __( 'Check again', 'agentic-writer' ) }
				</Button>
			}
		>
			{ ! status && ! failure && (
				<p>
					<Spinner />{ ' ' }
					{ __( 'Checking the local backend…', 'agentic-writer' ) }
				</p>
			) }
			{ failure && (
				<Notice status="error" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: error message from the site. */
						__(
							'Could not check the local backend: %s',
							'agentic-writer'
						),
						failure
					) }
				</Notice>
			) }
			{ status && (
				<>
					<p
						className="agentic-writer-status-line"
						aria-live="polite"
					>
						<strong>{ headline( status ) }</strong>
						{ status.message && ` — ${ status.message }` }
					</p>
					{ status.reachable && <Details status={ status } /> }
				</>
			) }
		</SettingsCard>
	);
}
