package vn.kontum.hotline.cases;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.web.ApiException;

/** The monitoring API: cases and their threads, for accounts allowed to see them. */
@RestController
@RequestMapping("/api/v1/cases")
class CasesApiController {

    private final CaseQueries queries;
    private final Accounts accounts;

    CasesApiController(CaseQueries queries, Accounts accounts) {
        this.queries = queries;
        this.accounts = accounts;
    }

    @GetMapping
    List<CaseSummary> cases(@RequestParam(defaultValue = "200") int limit, Authentication auth) {
        return queries.visibleTo(accounts.viewer(auth), Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/{id}/messages")
    List<ThreadMessage> thread(@PathVariable long id, Authentication auth) {
        var viewer = accounts.viewer(auth);
        if (queries.find(viewer, id).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "error.not-found");
        }
        return queries.thread(viewer, id);
    }
}
