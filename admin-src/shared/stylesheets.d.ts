// Stylesheets imported for their side effect: wp-scripts extracts them into build/<entry>.css.
declare module '*.css';
