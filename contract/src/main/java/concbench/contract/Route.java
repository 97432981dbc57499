package concbench.contract;

/**
 * Where a request goes, decided once from its method and path so every server answers 404 and 405 alike: an
 * unknown path is 404 whatever the method; a known path with a method other than GET is 405.
 */
public enum Route {
    HELLO,
    FANOUT,
    NOT_FOUND,
    METHOD_NOT_ALLOWED;

    /**
     * @param method the request method, case-sensitive as HTTP methods are
     * @param path   the request path without the query string
     */
    public static Route of(String method, String path) {
        Route route = switch (path) {
            case Contract.HELLO_PATH -> HELLO;
            case Contract.FANOUT_PATH -> FANOUT;
            default -> NOT_FOUND;
        };
        return route == NOT_FOUND || Contract.ALLOWED_METHOD.equals(method) ? route : METHOD_NOT_ALLOWED;
    }
}
