<?php
/**
 * The budget check before the upstream is called.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Generation;

use AgenticWriter\Providers\Provider_Registry;
use AgenticWriter\Usage\Budget_Alerts;
use AgenticWriter\Usage\Budgets;
use WP_Error;

/**
 * A chain that may spend money (any cloud provider in it) is admitted against the caps; at a
 * cap the owner's choice applies: the local providers of the chain only, or a 429 that says
 * which cap and when it resets. A chain of local providers only costs nothing and passes.
 */
final class Budget_Gate {

	/**
	 * Builds the gate.
	 *
	 * @param Budgets $budgets Caps.
	 */
	public function __construct( private Budgets $budgets ) {
	}

	/**
	 * The site's gate.
	 */
	public static function for_site(): self {
		return new self( Budgets::for_site() );
	}

	/**
	 * The chain the request may use, or the refusal (already recorded as its usage row).
	 *
	 * @param array{chain:string[],skipped:array<string,string>} $route    Resolved route.
	 * @param Provider_Registry                                  $registry Providers.
	 * @param Request_Guard                                      $guard    The request.
	 * @return array{chain:string[],skipped:array<string,string>}|WP_Error
	 */
	public function admit( array $route, Provider_Registry $registry, Request_Guard $guard ) {
		$cloud = array_values(
			array_filter(
				$route['chain'],
				static fn ( string $id ): bool => 'local' !== ( null === $registry->get( $id ) ? 'local' : $registry->get( $id )->kind() )
			)
		);
		if ( array() === $cloud ) {
			return $route;
		}
		$admitted = $this->budgets->admit( (int) ( $guard->context()['user_id'] ?? 0 ) );
		if ( null === $admitted['exceeded'] ) {
			$guard->hold_budget( $this->budgets, $admitted['holds'] );
			Budget_Alerts::raise( $admitted['alerts'] );
			return $route;
		}
		Budget_Alerts::raise( array( $admitted['exceeded'] ), true );
		$local = array_values( array_diff( $route['chain'], $cloud ) );
		if ( 'local_only' === $this->budgets->at_cap() && array() !== $local ) {
			return array(
				'chain'   => $local,
				'skipped' => $route['skipped'] + array_fill_keys( $cloud, 'over_budget' ),
			);
		}
		$guard->release();
		$guard->unserved( 'budget_exceeded' );
		return self::refusal( $admitted['exceeded'], $guard->request_id );
	}

	/**
	 * The 429 for a cap that is reached.
	 *
	 * @param array<string,mixed> $cap        Cap with limit, spent, end.
	 * @param string              $request_id Request id.
	 */
	public static function refusal( array $cap, string $request_id ): WP_Error {
		$names = array(
			'site_daily'   => __( 'the site\'s daily budget', 'agentic-writer' ),
			'site_monthly' => __( 'the site\'s monthly budget', 'agentic-writer' ),
			'user_daily'   => __( 'your daily budget', 'agentic-writer' ),
			'role_daily'   => __( 'your role\'s daily budget', 'agentic-writer' ),
		);
		$resets = $cap['end']->format( 'Y-m-d H:i T' );
		return new WP_Error(
			'agentic_writer_budget_exceeded',
			sprintf(
				/* translators: 1: which cap, 2: cap in dollars, 3: dollars spent, 4: when it resets (site time) */
				__( 'This request would go over %1$s of $%2$s ($%3$s spent or in progress). It resets at %4$s. An administrator can raise the cap in Settings → Agentic Writer → Budgets.', 'agentic-writer' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				$names[ $cap['cap'] ] ?? $cap['cap'],
				number_format( (float) $cap['limit'], 2 ),
				number_format( (float) $cap['spent'], 4 ),
				$resets
			),
			array(
				'status'      => 429,
				'cap'         => $cap['cap'],
				'limit_usd'   => (float) $cap['limit'],
				'spent_usd'   => (float) $cap['spent'],
				'resets_at'   => $cap['end']->format( 'c' ),
				'retry_after' => max( 1, $cap['end']->getTimestamp() - time() ),
				'retryable'   => false,
				'request_id'  => $request_id,
			)
		);
	}
}
