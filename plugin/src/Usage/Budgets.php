<?php
/**
 * Spending caps: the site's daily and monthly, a user's daily, a role's daily.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

use AgenticWriter\Settings\Settings;
use AgenticWriter\Storage\Shared_State;
use DateTimeImmutable;
use WP_User;

/**
 * A request is admitted when, for every cap that applies to its user, what was billed in the
 * cap's period plus what is in flight plus its own expected cost stays within the cap.
 *
 * Spend in flight: each admitted request holds one lease per cap ("hold slots"); a cap has as
 * many slots as expected costs fit in what is left of it, so parallel requests near a cap take
 * the last slots and the rest are refused, whatever web server they reach (Shared_State). A
 * hold is given back once the request's usage row is written; a killed worker's runs out.
 */
final class Budgets {

	/** Most hold slots a cap has (far more than requests a site runs at once). */
	private const MAX_SLOTS = 200;

	/** Expected cost of a request when the site has no billed answer yet. */
	public const DEFAULT_RESERVE_USD = 0.01;

	/**
	 * Builds the budgets.
	 *
	 * @param array<string,mixed> $settings Settings `budgets`.
	 * @param Usage_Queries       $queries  Spend.
	 * @param Shared_State        $state    Holds.
	 * @param int                 $hold_ttl Seconds a hold lasts when never given back.
	 */
	public function __construct(
		private array $settings,
		private Usage_Queries $queries,
		private Shared_State $state,
		private int $hold_ttl = 180
	) {
	}

	/**
	 * The site's budgets.
	 */
	public static function for_site(): self {
		$ttl = (int) ( Settings::group( 'timeouts' )['read_seconds'] ?? 120 ) + 60;
		return new self( (array) ( Settings::stored()['budgets'] ?? array() ), new Usage_Queries(), Shared_State::for_site(), $ttl );
	}

	/**
	 * What to do at a cap: local_only or refuse.
	 */
	public function at_cap(): string {
		return 'local_only' === ( $this->settings['at_cap'] ?? '' ) ? 'local_only' : 'refuse';
	}

	/**
	 * The caps that apply to a user, each with its period.
	 *
	 * @param int $user_id User (0: none).
	 * @return array<int,array{cap:string,limit:float,start:DateTimeImmutable,end:DateTimeImmutable,users:int[]|null}>
	 */
	public function caps_for( int $user_id ): array {
		$today = new DateTimeImmutable( 'today', wp_timezone() );
		$day   = array( $today, $today->modify( '+1 day' ) );
		$month = new DateTimeImmutable( 'first day of this month midnight', wp_timezone() );
		$caps  = array();
		$add   = static function ( string $cap, $limit, array $period, ?array $users ) use ( &$caps ): void {
			if ( is_numeric( $limit ) ) {
				$caps[] = array(
					'cap'   => $cap,
					'limit' => (float) $limit,
					'start' => $period[0],
					'end'   => $period[1],
					'users' => $users,
				);
			}
		};
		$add( 'site_daily', $this->settings['site_daily_usd'] ?? null, $day, null );
		$add( 'site_monthly', $this->settings['site_monthly_usd'] ?? null, array( $month, $month->modify( '+1 month' ) ), null );
		if ( $user_id > 0 ) {
			$add( 'user_daily', $this->settings['user_daily_usd'] ?? null, $day, array( $user_id ) );
			$add( 'role_daily', self::role_cap( $user_id, (array) ( $this->settings['role_daily_usd'] ?? array() ) ), $day, array( $user_id ) );
		}
		return $caps;
	}

	/**
	 * Admits a request that may spend money: takes a hold on every cap of its user.
	 *
	 * @param int $user_id User.
	 * @return array{holds:array<int,array{key:string,token:string}>,exceeded:array<string,mixed>|null,alerts:array<int,array<string,mixed>>}
	 */
	public function admit( int $user_id ): array {
		$reserve = $this->reserve_usd();
		$holds   = array();
		$alerts  = array();
		foreach ( $this->caps_for( $user_id ) as $cap ) {
			$spent = $this->queries->billed_since( Usage_Range::utc( $cap['start'] ), $cap['users'] );
			$slots = (int) min( self::MAX_SLOTS, floor( ( $cap['limit'] - $spent ) / $reserve + 1e-9 ) );
			$hold  = $slots > 0 ? $this->claim( $cap, $slots ) : null;
			if ( null === $hold ) {
				$this->release( $holds );
				return array(
					'holds'    => array(),
					'exceeded' => $cap + array( 'spent' => round( $spent, 8 ) ),
					'alerts'   => array(),
				);
			}
			$holds[] = $hold;
			if ( $spent + $reserve >= $cap['limit'] * (int) ( $this->settings['alert_percent'] ?? 80 ) / 100 ) {
				$alerts[] = $cap + array( 'spent' => round( $spent, 8 ) );
			}
		}
		return array(
			'holds'    => $holds,
			'exceeded' => null,
			'alerts'   => $alerts,
		);
	}

	/**
	 * Gives holds back.
	 *
	 * @param array<int,array{key:string,token:string}> $holds Holds from admit().
	 */
	public function release( array $holds ): void {
		foreach ( $holds as $hold ) {
			$this->state->release( $hold['key'], $hold['token'] );
		}
	}

	/**
	 * What a request is expected to cost: the average of the site's last billed answers
	 * (filter `agentic_writer_budget_reserve_usd`).
	 */
	public function reserve_usd(): float {
		$average = $this->queries->recent_average_cost();
		/**
		 * Filters the dollars held for each request in flight while budgets are checked.
		 *
		 * @param float $usd Expected cost of one request.
		 */
		$usd = (float) apply_filters( 'agentic_writer_budget_reserve_usd', $average ?? self::DEFAULT_RESERVE_USD );
		return max( 0.000001, $usd );
	}

	/**
	 * A free hold slot of a cap's current period.
	 *
	 * @param array<string,mixed> $cap   Cap.
	 * @param int                 $slots Slots it has.
	 * @return array{key:string,token:string}|null
	 */
	private function claim( array $cap, int $slots ): ?array {
		$scope = $cap['cap'] . '_' . $cap['start']->format( 'Ymd' ) . ( null === $cap['users'] ? '' : '_' . implode( '_', $cap['users'] ) );
		for ( $i = 0; $i < $slots; $i++ ) {
			$key   = 'budget_' . $scope . '_' . $i;
			$token = $this->state->claim( $key, $this->hold_ttl );
			if ( null !== $token ) {
				return array(
					'key'   => $key,
					'token' => $token,
				);
			}
		}
		return null;
	}

	/**
	 * The daily cap of a user's roles (the highest when several are capped).
	 *
	 * @param int                 $user_id User.
	 * @param array<string,mixed> $by_role Role => USD or null.
	 */
	private static function role_cap( int $user_id, array $by_role ): ?float {
		$user = get_userdata( $user_id );
		if ( ! $user instanceof WP_User ) {
			return null;
		}
		$caps = array();
		foreach ( $user->roles as $role ) {
			if ( isset( $by_role[ $role ] ) && is_numeric( $by_role[ $role ] ) ) {
				$caps[] = (float) $by_role[ $role ];
			}
		}
		return array() === $caps ? null : max( $caps );
	}
}
