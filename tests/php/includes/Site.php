<?php
/**
 * The local site under test, as the runtime describes it in info.json.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use WP_User;

/**
 * Site URL, database kind and the four test users.
 */
final class Site {

	/**
	 * `sqlite` or `mariadb` (AW_WP_DB).
	 */
	public static function db_kind(): string {
		return (string) $GLOBALS['aw_test_site']['db_kind'];
	}

	/**
	 * Base URL without trailing slash.
	 */
	public static function url(): string {
		return rtrim( (string) $GLOBALS['aw_test_site']['url'], '/' );
	}

	/**
	 * Login, password and application password of a role's user.
	 *
	 * @param string $role admin|editor|contributor|subscriber.
	 * @return array{login: string, password: string, app_password: string}
	 */
	public static function credentials( string $role ): array {
		$users = $GLOBALS['aw_test_site']['users'];
		if ( ! isset( $users[ $role ] ) ) {
			throw new \InvalidArgumentException( "info.json has no user for role {$role}." );
		}
		return $users[ $role ];
	}

	/**
	 * The WordPress user of a role.
	 *
	 * @param string $role admin|editor|contributor|subscriber.
	 */
	public static function user( string $role ): WP_User {
		$user = get_user_by( 'login', self::credentials( $role )['login'] );
		if ( ! $user instanceof WP_User ) {
			throw new \RuntimeException( "User for role {$role} does not exist on the site." );
		}
		return $user;
	}
}
