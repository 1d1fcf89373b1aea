// fix: holiday-banner=true legacy-search=false
import LaunchDarkly

func banner(client: LDClient) -> String? {
    let title = "Sale"
    show(newBox())
    if ready, let user = current() {
        greet(user)
    }
    return title
}
